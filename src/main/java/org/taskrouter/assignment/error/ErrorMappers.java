package org.taskrouter.assignment.error;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Where failures become answers: every error is an {@link ErrorBody} with the status the failure stands for, in
 * words for the caller, without exception class names or stack traces. This class maps the failures every feature
 * shares; a feature's own failures are mapped in its package ({@code signature/InvalidSignatureMapper},
 * {@code taskrouter/TaskRouterErrorMappers}) through {@link #answer}, so that this package depends on none.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public RestResponse<ErrorBody> badRequest(BadRequestException e) {
        return answer(400, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> notConfigured(NotConfiguredException e) {
        return answer(503, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> dependencyUnavailable(DependencyUnavailableException e) {
        return answer(503, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> conflict(ConflictException e) {
        return answer(409, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalidBody(ConstraintViolationException e) {
        String violations = e.getConstraintViolations().stream()
                .map(ErrorMappers::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return answer(400, violations.isEmpty() ? "Invalid request" : violations, null);
    }

    /**
     * Valid JSON of the wrong shape (an array for an object, text for a number). quarkus-rest-jackson has its own
     * mapper for this type, which answers in another shape, so this one names it exactly to take precedence.
     */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> wrongJsonShape(MismatchedInputException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return answer(400, "The body has an unknown field '" + unknown.getPropertyName() + "'", null);
        }
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return answer(400, field.isEmpty() ? "The body is not the JSON object expected"
                : "The body is not the JSON expected: " + field + " has the wrong type", null);
    }

    /** The request body could not be read: too large (413) or cut off. Vert.x may have answered already. */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> unreadableBody(java.io.IOException e) {
        boolean tooLarge = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("too large");
        LOG.debugf("Could not read a request body: %s", e.getMessage());
        return tooLarge ? answer(413, "The body is too large", null)
                : answer(400, "The request body could not be read", null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unreadableJson(JacksonException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return answer(400, "The body is not the JSON expected" + where, null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return answer(status, "Internal error", null);
        }
        String words = switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: this endpoint answers application/json";
            case 413 -> "The body is too large";
            case 415 -> "Unsupported content type";
            default -> e.getMessage() == null ? "Bad request"
                    : e.getMessage().replaceAll("(?i)^HTTP \\d{3} ", "");
        };
        return answer(status, words, null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public RestResponse<ErrorBody> unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return answer(500, "Internal error", null);
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return field + " " + violation.getMessage();
    }

    /** An error answer in the one shape. */
    public static RestResponse<ErrorBody> answer(int status, String words, Integer twilioCode) {
        return RestResponse.ResponseBuilder.<ErrorBody> create(status).entity(new ErrorBody(status, words, twilioCode))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

}
