package org.taskrouter.assignment.signature;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.taskrouter.assignment.error.ErrorBody;
import org.taskrouter.assignment.error.ErrorMappers;

/** A callback whose signature is missing or wrong: 403, and a WARN line that names the URL it was checked for. */
public class InvalidSignatureMapper {

    private static final Logger LOG = Logger.getLogger(InvalidSignatureMapper.class);

    @ServerExceptionMapper
    public RestResponse<ErrorBody> badSignature(InvalidSignatureException e) {
        LOG.warnf("Refused a callback: %s", e.getMessage());
        return ErrorMappers.answer(403, e.getMessage(), null);
    }
}
