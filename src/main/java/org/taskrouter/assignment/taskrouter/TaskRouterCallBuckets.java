package org.taskrouter.assignment.taskrouter;

import java.time.Duration;
import java.util.stream.LongStream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the timers of TaskRouter calls, ours ({@code taskrouter_requests_seconds_bucket}, by
 * operation and status) and the REST client's ({@code http_client_requests_seconds_bucket} with
 * {@code clientName="taskrouter"}, by path template), so that the p99 of each call can be asked of Prometheus. A few fixed
 * bounds from 10 ms to TaskRouter's 10 s, not Micrometer's default hundreds: the series multiply by call and status.
 */
@Singleton
public class TaskRouterCallBuckets {

    static final double[] BOUNDS_NANOS = LongStream.of(10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter taskRouterCallBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if ("taskrouter.requests".equals(id.getName()) || "http.client.requests".equals(id.getName())
                        && "taskrouter".equals(id.getTag("clientName"))) {
                    return DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS_NANOS).build()
                            .merge(config);
                }
                return config;
            }
        };
    }
}
