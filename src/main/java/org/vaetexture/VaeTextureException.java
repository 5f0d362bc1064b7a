package org.vaetexture;

/**
 * An error caused by what the user asked for (a file, an image, an option), with a one-line
 * message that names the culprit and says what to change. Commands and the command line show the
 * message as it is, without a stack trace.
 */
public class VaeTextureException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public VaeTextureException(final String message) {
		super(message);
	}

	public VaeTextureException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
