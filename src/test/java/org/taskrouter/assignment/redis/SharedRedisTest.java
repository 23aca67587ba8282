package org.taskrouter.assignment.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What logs and health answers say of the Redis connection. */
class SharedRedisTest {

    @Test
    void describesTheConnectionWithoutItsPassword() {
        assertEquals("rediss://redis.internal:6380", SharedRedis.describe("rediss://:s3cret-pass@redis.internal:6380/0"));
        assertEquals("redis://redis", SharedRedis.describe("redis://user:s3cret@redis"));
        assertEquals("(an unreadable REDIS_URL)", SharedRedis.describe("redis://bad host:6379"));
    }
}
