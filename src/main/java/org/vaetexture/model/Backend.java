package org.vaetexture.model;

import java.util.function.Supplier;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Starts ND4J's native backend and sets its thread count. Inside Fiji's plugin class loader ND4J
 * finds no backend unless the thread's context class loader is the one that loaded ND4J, so the
 * first use swaps it for the duration of the start-up.
 */
public final class Backend {

	private static volatile boolean started;

	private Backend() {}

	/** Loads the backend once (a few seconds the first time, as JavaCPP unpacks its natives). */
	public static void start() {
		if (started) return;
		synchronized (Backend.class) {
			if (started) return;
			withOwnClassLoader(() -> Nd4j.getBackend());
			started = true;
		}
	}

	/**
	 * Starts the backend and lets its native operations use {@code threads} threads: ND4J's own,
	 * OpenMP's (which oneDNN uses) and OpenBLAS's. Setting only ND4J's left OpenMP at one thread per
	 * core, which made training 1.3x slower on 2 cores and much slower with two runs side by side.
	 */
	public static synchronized void useThreads(final int threads) {
		start();
		Nd4j.getEnvironment().setMaxThreads(threads);
		Nd4j.getEnvironment().setMaxMasterThreads(threads);
		NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
		Nd4j.factory().blas().setMaxThreads(threads);
	}

	private static <T> T withOwnClassLoader(final Supplier<T> work) {
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(Backend.class.getClassLoader());
		try {
			return work.get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}
