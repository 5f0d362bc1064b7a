package org.vaetexture.model;

import java.lang.management.ManagementFactory;

import org.bytedeco.javacpp.Pointer;

/**
 * Bounds the memory ND4J's native arrays take, whatever the heap size. ND4J frees a native array
 * only when the garbage collector finds its Java object unreachable, and with a large heap the
 * collector leaves such objects for long: a 4,096 x 4,096 novelty map peaked at 8.2 GB resident with
 * {@code -Xmx16g}, against 2.1 GB with a 6 GB heap, while the heap itself stayed under 2 GB. Two
 * bounds:
 * <ul>
 * <li>{@link #throttle()}, called by the loops that allocate ND4J arrays: it runs the garbage
 * collector, and waits for ND4J to free what it collected, whenever the memory the process holds
 * outside the Java heap has grown {@link #NATIVE_BUDGET} beyond what it held after the last
 * collection (the bound independent of {@code -Xmx}; it never fails a run);</li>
 * <li>JavaCPP's own limit on the resident memory, {@code org.bytedeco.javacpp.maxphysicalbytes}
 * (by default four times the maximum heap), set to the maximum heap plus {@link #NATIVE_BUDGET}, at
 * most {@link #RAM_FRACTION} of the machine's memory, unless the user set it: past it JavaCPP
 * collects garbage and, if that frees too little, throws {@code OutOfMemoryError: Physical memory
 * usage is too high}. It includes the heap, so it cannot be lower without failing runs whose heap is
 * full of images. ({@code org.bytedeco.javacpp.maxbytes} does not help: ND4J's arrays are not
 * counted in it.)</li>
 * </ul>
 */
public final class NativeMemory {

	/** Growth of the memory held outside the heap that makes {@link #throttle()} collect, in bytes. */
	public static final long NATIVE_BUDGET = 2L << 30;
	/** The largest share of the machine's memory JavaCPP's limit may reach. */
	public static final double RAM_FRACTION = 0.85;
	static final String PROPERTY = "org.bytedeco.javacpp.maxphysicalbytes";
	/** The longest a loop waits for ND4J to free the arrays of collected objects, in ms. */
	static final long MAX_WAIT_MS = 2000;
	/** Memory outside the heap after the last collection (or when ND4J started), in bytes. */
	private static volatile long base;

	private NativeMemory() {}

	/**
	 * Sets JavaCPP's resident memory limit, unless the user set it (either spelling); must run before
	 * JavaCPP's {@code Pointer} class loads, so before ND4J starts.
	 */
	public static synchronized void cap() {
		if (System.getProperty(PROPERTY) == null && System.getProperty(
			"org.bytedeco.javacpp.maxPhysicalBytes") == null) System.setProperty(PROPERTY, Long.toString(
				limit(Runtime.getRuntime().maxMemory(), ram())));
	}

	/**
	 * Called by the loops that allocate ND4J arrays (every map block, every training step): when the
	 * memory held outside the heap has grown {@link #NATIVE_BUDGET} beyond what it held after the
	 * last collection, runs the garbage collector and waits (at most {@link #MAX_WAIT_MS}) for ND4J's
	 * threads to free the arrays of the collected objects, so the loop cannot outrun them.
	 */
	public static void throttle() {
		final long now = outsideHeap();
		if (now < 0 || !overBudget(now, base)) return;
		synchronized (NativeMemory.class) {
			if (!overBudget(outsideHeap(), base)) return;
			System.gc();
			long after = outsideHeap();
			// until within half the budget of the last base, or MAX_WAIT_MS
			for (long waited = 0; waited < MAX_WAIT_MS && after > base + NATIVE_BUDGET / 2; waited += 50) {
				try {
					Thread.sleep(50);
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
				after = outsideHeap();
			}
			// what stays is in use (or kept by the allocator): the next budget counts from there
			base = after;
		}
	}

	/** JavaCPP's limit for a maximum heap of {@code heap} bytes and {@code ram} bytes of memory (0: unknown). */
	static long limit(final long heap, final long ram) {
		final long wanted = heap + NATIVE_BUDGET;
		if (ram <= 0) return wanted;
		return Math.max(Math.min(wanted, (long) (RAM_FRACTION * ram)), Math.min(heap + (256L << 20),
			ram));
	}

	/** Whether to collect: {@code now} bytes outside the heap against {@code base} after the last collection. */
	static boolean overBudget(final long now, final long base) {
		return now > base + NATIVE_BUDGET;
	}

	/** Resident memory minus the committed heap: ND4J's arrays, the natives' code, the JVM's own. */
	private static long outsideHeap() {
		try {
			return Pointer.physicalBytes() - ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
				.getCommitted();
		}
		catch (final LinkageError | RuntimeException e) {
			return -1; // no JavaCPP natives: Backend reports that
		}
	}

	/** Records the memory outside the heap once ND4J has started: the first budget counts from there. */
	static synchronized void started() {
		base = Math.max(base, outsideHeap());
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
