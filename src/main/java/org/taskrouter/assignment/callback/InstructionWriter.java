package org.taskrouter.assignment.callback;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes an assignment callback's answer as its bytes, made once per distinct answer: Jackson
 * would walk a map and build a generator for the same dozen bytes on every callback. The JSON is the same as
 * {@link Instruction#json()}'s, which the OpenAPI document still describes.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class InstructionWriter implements ServerMessageBodyWriter<Instruction> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return Instruction.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(Instruction answer, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(answer.bytes());
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Instruction.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Instruction answer, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(answer.bytes());
    }
}
