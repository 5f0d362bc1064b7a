package org.vaetexture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

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

	@Test
	void releaseHandsTheArraysOfAFinishedCommandBack() throws InterruptedException {
		Backend.start();
		final long before = Pointer.physicalBytes();
		for (int i = 0; i < 8; i++)
			Nd4j.create(DataType.FLOAT, 8_000_000).addi(1); // 32 MB each, written, then dropped
		final long full = Pointer.physicalBytes();
		assumeTrue(full - before > 200L << 20, "the arrays were not resident");
		NativeMemory.release();
		long now = Pointer.physicalBytes();
		for (int i = 0; i < 50 && now > full - (150L << 20); i++) {
			Thread.sleep(100);
			now = Pointer.physicalBytes();
		}
		assertTrue(now <= full - (150L << 20), "resident " + (full >> 20) + " MB after the arrays, " +
			(now >> 20) + " MB after release");
	}
}
