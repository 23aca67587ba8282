package org.taskrouter.assignment.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The counting behind the 429: per address, per window, on a clock the test moves. */
class TokenGuessesTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final TokenGuesses guesses = new TokenGuesses(3, Duration.ofSeconds(60), now::get,
            new SimpleMeterRegistry());

    private void later(int seconds) {
        now.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void holdsAnAddressBackForAWindowOnceItReachedTheLimitThenLetsItTryAgain() {
        guesses.refused("10.0.0.1");
        guesses.refused("10.0.0.1");
        assertEquals(0, guesses.retryAfterSeconds("10.0.0.1"));
        guesses.refused("10.0.0.1");
        assertEquals(60, guesses.retryAfterSeconds("10.0.0.1"));
        later(30);
        assertEquals(30, guesses.retryAfterSeconds("10.0.0.1"));
        later(30);
        assertEquals(0, guesses.retryAfterSeconds("10.0.0.1"));
        guesses.refused("10.0.0.1");
        assertEquals(0, guesses.retryAfterSeconds("10.0.0.1"), "counting starts again");
    }

    @Test
    void countsEachAddressOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            guesses.refused("10.0.0.1");
        }
        assertEquals(0, guesses.retryAfterSeconds("10.0.0.2"));
    }

    @Test
    void aFewMistakesAWindowNeverHoldAnAddressBack() {
        for (int window = 0; window < 5; window++) {
            guesses.refused("10.0.0.1");
            guesses.refused("10.0.0.1");
            later(61);
            assertEquals(0, guesses.retryAfterSeconds("10.0.0.1"));
        }
    }
}
