package org.ward.connector.scan;

/** A scan that could not finish, with one sentence saying why; what it committed is kept and the next scan resumes. */
public class ScanFailedException extends RuntimeException {

    public ScanFailedException(String sentence) {
        super(sentence);
    }

    public ScanFailedException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
