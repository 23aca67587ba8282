package org.taskrouter.assignment.taskrouter;

/** A TaskRouter Activity; Workers in an available one can be reserved. */
public record Activity(String sid, String friendlyName, Boolean available) {
}
