package org.vaetexture.model;

import java.lang.management.ManagementFactory;

/**
 * Caps the process's resident memory (heap, ND4J's native arrays and the rest) below the machine's
 * memory, whatever the heap size, so that ND4J's garbage cannot make it swap. ND4J frees a native array
 * only when the garbage collector finds its Java object unreachable, and JavaCPP (which ND4J
 * allocates through) starts a collection only when the process's resident memory passes
 * {@code org.bytedeco.javacpp.maxphysicalbytes}, by default four times the maximum heap: with
 * Fiji's -Xmx of 75% of the RAM, never. ({@code org.bytedeco.javacpp.maxbytes} does not help: ND4J's
 * arrays are not counted in it.) So before JavaCPP loads, this sets that limit, unless the user has
 * set it, to the maximum heap plus {@link #NATIVE_BUDGET} but at most {@link #RAM_FRACTION} of the
 * machine's memory: past it JavaCPP collects garbage, and if that frees too little it throws
 * {@code OutOfMemoryError: Physical memory usage is too high}. The heap is part of the resident
 * memory, so the limit cannot be lower than the heap without failing runs whose heap is full of
 * images. And when a command ends, {@link #release()} hands what it left back to the system.
 */
public final class NativeMemory {

	/** Resident memory allowed above the maximum heap, in bytes. */
	public static final long NATIVE_BUDGET = 2L << 30;
	/** The largest share of the machine's memory the limit may reach. */
	public static final double RAM_FRACTION = 0.85;
	static final String PROPERTY = "org.bytedeco.javacpp.maxphysicalbytes";

	private NativeMemory() {}

	/**
	 * Sets JavaCPP's resident memory limit, unless the user set it (either spelling); must run
	 * before JavaCPP's {@code Pointer} class loads, so before ND4J starts.
	 */
	public static synchronized void cap() {
		if (System.getProperty(PROPERTY) != null || System.getProperty(
			"org.bytedeco.javacpp.maxPhysicalBytes") != null) return;
		System.setProperty(PROPERTY, Long.toString(limit(Runtime.getRuntime().maxMemory(), ram())));
	}

	/**
	 * Releases the native memory of the arrays a finished command left behind: a collection finds
	 * their Java objects unreachable and JavaCPP's deallocator frees them, at once rather than at
	 * whatever collection comes next (in Fiji, with a large heap, perhaps minutes later).
	 */
	public static void release() {
		System.gc();
	}

	/** The limit for a maximum heap of {@code heap} bytes and {@code ram} bytes of memory (0: unknown). */
	static long limit(final long heap, final long ram) {
		final long wanted = heap + NATIVE_BUDGET;
		if (ram <= 0) return wanted;
		return Math.max(Math.min(wanted, (long) (RAM_FRACTION * ram)), Math.min(heap + (256L << 20),
			ram));
	}

	@SuppressWarnings("deprecation") // getTotalMemorySize is Java 14+; this builds for 11
	private static long ram() {
		try {
			final java.lang.management.OperatingSystemMXBean os = ManagementFactory
				.getOperatingSystemMXBean();
			if (os instanceof com.sun.management.OperatingSystemMXBean)
				return ((com.sun.management.OperatingSystemMXBean) os).getTotalPhysicalMemorySize();
		}
		catch (final LinkageError | RuntimeException e) {
			// no com.sun.management: leave the limit at heap + budget
		}
		return 0;
	}
}
