package org.taskrouter.assignment.taskrouter;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * TaskRouter sends attributes as a JSON document inside a string; the operator API shows them as the object
 * they are. Text that is not JSON stays text rather than failing the whole answer.
 */
final class JsonTextDeserializer extends JsonDeserializer<JsonNode> {

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return parser.readValueAsTree();
        }
        String text = parser.getText();
        try {
            return parser.getCodec() instanceof com.fasterxml.jackson.databind.ObjectMapper mapper
                    ? mapper.readTree(text)
                    : TextNode.valueOf(text);
        } catch (IOException notJson) {
            return TextNode.valueOf(text);
        }
    }
}
