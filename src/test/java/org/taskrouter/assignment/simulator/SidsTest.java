package org.taskrouter.assignment.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SidsTest {

    @Test
    void seededSidIsThePrefixAndTheFirst32HexDigitsOfSha256OfPrefixColonName() {
        // printf 'WK:Alice' | sha256sum | cut -c1-32
        assertEquals("WKe39c1759a4e51cd2818d4696b224a10d", Sids.seeded("WK", "Alice"));
        assertEquals(Sids.seeded("WK", "Alice"), Sids.seeded("WK", "Alice"));
        assertNotEquals(Sids.seeded("WK", "Alice"), Sids.seeded("WK", "Bob"));
        assertNotEquals(Sids.seeded("WA", "Idle").substring(2), Sids.seeded("WQ", "Idle").substring(2));
        assertTrue(org.taskrouter.assignment.taskrouter.Sids.isSid(Sids.seeded("WK", "Alice"), "WK"));
    }

    @Test
    void randomSidsHaveThePrefixAnd32LowercaseHexDigitsAndDiffer() {
        String first = Sids.random("WT");
        assertTrue(first.matches("WT[0-9a-f]{32}"), first);
        assertNotEquals(first, Sids.random("WT"));
    }
}
