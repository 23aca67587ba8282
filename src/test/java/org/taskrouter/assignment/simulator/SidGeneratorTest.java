package org.taskrouter.assignment.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SidGeneratorTest {

    @Test
    void seededSidIsThePrefixAndTheFirst32HexDigitsOfSha256OfPrefixColonName() {
        // printf 'WK:Alice' | sha256sum | cut -c1-32
        assertEquals("WKe39c1759a4e51cd2818d4696b224a10d", SidGenerator.seeded("WK", "Alice"));
        assertEquals(SidGenerator.seeded("WK", "Alice"), SidGenerator.seeded("WK", "Alice"));
        assertNotEquals(SidGenerator.seeded("WK", "Alice"), SidGenerator.seeded("WK", "Bob"));
        assertNotEquals(SidGenerator.seeded("WA", "Idle").substring(2), SidGenerator.seeded("WQ", "Idle").substring(2));
        assertTrue(org.taskrouter.assignment.twilio.SidFormat.isSid(SidGenerator.seeded("WK", "Alice"), "WK"));
    }

    @Test
    void randomSidsHaveThePrefixAnd32LowercaseHexDigitsAndDiffer() {
        String first = SidGenerator.random("WT");
        assertTrue(first.matches("WT[0-9a-f]{32}"), first);
        assertNotEquals(first, SidGenerator.random("WT"));
    }
}
