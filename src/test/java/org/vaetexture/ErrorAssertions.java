package org.vaetexture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that bad input fails with a {@link VaeTextureException} saying the expected thing. */
public final class ErrorAssertions {

	private ErrorAssertions() {}

	public static void assertMessage(final String part, final Executable action) {
		final VaeTextureException e = assertThrows(VaeTextureException.class, action);
		assertTrue(e.getMessage().contains(part), e.getMessage());
		assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
	}
}
