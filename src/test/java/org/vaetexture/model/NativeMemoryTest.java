package org.vaetexture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The resident memory limit NativeMemory gives JavaCPP, and the one-line backend errors. */
class NativeMemoryTest {

	private static final long G = 1L << 30;

	@Test
	void limitIsTheHeapPlusTheBudgetWithinTheMachine() {
		assertEquals(6 * G + NativeMemory.NATIVE_BUDGET, NativeMemory.limit(6 * G, 24 * G));
		// a heap of 26 of 32 GB: capped at 85% of the machine
		assertEquals((long) (0.85 * 32 * G), NativeMemory.limit(26 * G, 32 * G));
		// a heap near the machine's size still leaves room above the heap
		assertEquals(15 * G + (256L << 20), NativeMemory.limit(15 * G, 16 * G));
		assertEquals(4 * G + NativeMemory.NATIVE_BUDGET, NativeMemory.limit(4 * G, 0));
	}

	@Test
	void missingNativesAndMissingBackendHaveOneLineErrors() {
		final String natives = Backend.noBackend(new RuntimeException(new UnsatisfiedLinkError(
			"no jnind4jcpu in java.library.path:\n /usr/lib")));
		assertTrue(natives.startsWith("ND4J's native libraries for "), natives);
		assertTrue(!natives.contains("\n") && natives.contains("macosx-arm64"), natives);
		final String backend = Backend.noBackend(new RuntimeException("Please ensure that you have an nd4j backend on your classpath"));
		assertTrue(backend.startsWith("no ND4J backend found ("), backend);
	}
}
