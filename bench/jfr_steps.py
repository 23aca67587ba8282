#!/usr/bin/env python3
"""Sorts JFR samples of the event-loop threads into the steps of a signed callback.

Each jdk.ExecutionSample (CPU) and jdk.ObjectAllocationSample (bytes, weighted) goes to the step of the frame
nearest the leaf that any step names. A step thus counts the JDK and Jackson code it calls (the attributes
check's parser, the signature's MAC), but not the HTTP stack that a frame of the service hands on to: the guard
calls the next route and the answer's writer ends the response, and what runs then is Vert.x's, as in any
Quarkus endpoint.
"""
import re
import sys
from collections import Counter

# (step, frame prefix)
STEPS = [
    ("signature check", "org.taskrouter.assignment.signature."),
    ("form decoding", "org.taskrouter.assignment.callback.CallbackForm."),
    ("attributes check", "org.taskrouter.assignment.callback.AttributesReader."),
    ("attributes check", "org.taskrouter.assignment.callback.JsonObjectSyntax"),
    ("callback parameters (SIDs)", "org.taskrouter.assignment.callback.AssignmentCallback."),
    ("policy", "org.taskrouter.assignment.callback.AssignmentPolicy."),
    ("answer bytes", "org.taskrouter.assignment.callback.Instruction"),
    ("feed event", "org.taskrouter.assignment.feed."),
    ("feed event", "org.taskrouter.assignment.callback.AssignmentCallbackResource.event"),
    ("callbacks_total", "org.taskrouter.assignment.callback.CallbackMetrics"),
    ("guard (size, URI)", "org.taskrouter.assignment.error.OversizedBodyGuard"),
    ("other service code", "org.taskrouter.assignment."),
]
FRAMEWORK_STEPS = [
    ("Micrometer (HTTP timer, counters)", "io.quarkus.micrometer."),
    ("Micrometer (HTTP timer, counters)", "io.micrometer."),
    ("Mutiny", "io.smallrye.mutiny."),
    ("Quarkus REST", "org.jboss.resteasy.reactive."),
    ("Vert.x Web / Quarkus HTTP", "io.vertx.ext.web."),
    ("Vert.x Web / Quarkus HTTP", "io.quarkus.vertx.http."),
    ("Vert.x / Netty HTTP and I/O", "io.vertx."),
    ("Vert.x / Netty HTTP and I/O", "io.netty."),
]
FRAME = re.compile(r"^\s+([\w.$<>]+)\(")


def events(path):
    """Yields (thread, frames leaf first, weight) per event."""
    block = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("jdk.") and block:
                yield parse(block)
                block = []
            block.append(line)
    if block:
        yield parse(block)


def parse(block):
    text = "".join(block)
    thread = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', text)
    weight = re.search(r"weight = ([\d.,]+)\s*(\w+)?", text)
    w = 1.0
    if weight:
        w = float(weight.group(1).replace(",", ""))
        unit = (weight.group(2) or "").lower()
        w *= {"kb": 1e3, "mb": 1e6, "gb": 1e9}.get(unit, 1.0)
    frames = [m.group(1) for m in (FRAME.match(l) for l in block) if m]
    return (thread.group(1) if thread else ""), frames, w


def step_of(frames):
    for frame in frames:  # leaf first
        for step, prefix in STEPS + FRAMEWORK_STEPS:
            if frame.startswith(prefix):
                return step
    return "other (JDK, logging, …)"


def report(path, title, unit):
    totals = Counter()
    for thread, frames, weight in events(path):
        if "eventloop" in thread and frames:
            totals[step_of(frames)] += weight
    whole = sum(totals.values()) or 1
    print(f"\n{title} (event-loop threads), {whole:,.0f} {unit} in all")
    for step, value in totals.most_common():
        print(f"  {step:32s} {100 * value / whole:5.1f} %")


if __name__ == "__main__":
    report(sys.argv[1], "CPU samples", "samples")
    if len(sys.argv) > 2:
        report(sys.argv[2], "Allocation (sampled, weighted)", "bytes")
