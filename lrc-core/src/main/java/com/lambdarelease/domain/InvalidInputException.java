package com.lambdarelease.domain;

/**
 * Input that AWS would refuse, caught before any request is sent. The message quotes AWS's own
 * rule so the operator reads the same words the API would have answered. Not final: a refusal a
 * client words in its own terms (the command line's flag, the console's checkbox) carries what it
 * refers to in a subclass, so no client parses the sentence.
 */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }
}
