package org.taskrouter.assignment.taskrouter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * How TaskRouter's JSON is read, in one place for answers and error bodies alike: snake_case fields into our
 * camelCase records, and fields Twilio adds later ignored rather than failing the call.
 */
final class TaskRouterJsonReading {

    private TaskRouterJsonReading() {
    }

    /** {@code mapper}, set up to read TaskRouter's JSON. */
    static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
