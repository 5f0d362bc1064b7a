package org.vaetexture.model;

import java.lang.reflect.Field;
import java.util.HashMap;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.vaetexture.PluginClassLoader;
import org.vaetexture.VaeTextureException;

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
			NativeMemory.cap();
			BlasKernel.choose();
			try {
				PluginClassLoader.call(() -> Nd4j.getBackend());
			}
			catch (final RuntimeException | LinkageError e) {
				throw new VaeTextureException(noBackend(e), e);
			}
			skipTensorFlowOpTable();
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

	/**
	 * ND4J 1.0.0-M2.1 parses TensorFlow's op descriptors (a text protobuf, 0.6 s here) the first time
	 * SameDiff builds an op, for importing TensorFlow graphs, which this plugin never does: give its
	 * parser an empty table first. Reflection on the pinned version's cache field; where the field is
	 * not there (another ND4J), nothing changes but the start-up time.
	 */
	private static void skipTensorFlowOpTable() {
		try {
			final Field table = Class.forName(
				"org.nd4j.imports.descriptors.tensorflow.TensorflowDescriptorParser", true, Backend.class
					.getClassLoader()).getDeclaredField("DESCRIPTORS");
			table.setAccessible(true);
			synchronized (table.getDeclaringClass()) { // opDescs() fills it under this lock
				if (table.get(null) == null) table.set(null, new HashMap<>());
			}
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			// another ND4J: its table is parsed as before
		}
	}

	/** The thread count ND4J's native operations use now (see {@link #useThreads}). */
	public static int threads() {
		start();
		return Nd4j.getEnvironment().maxThreads();
	}

	/**
	 * Runs {@code work} with ND4J's native operations on one thread (the maps' workers each take
	 * one), then sets the thread count back to what it was.
	 */
	public static void onOneThread(final Runnable work) {
		final int threads = threads();
		useThreads(1);
		try {
			work.run();
		}
		finally {
			useThreads(threads);
		}
	}

	/**
	 * Lets OpenMP (which oneDNN uses) run one thread for the native operations this thread calls:
	 * OpenMP keeps that count per thread, so each worker thread of a map sets its own.
	 */
	public static void useOneThreadOnThisThread() {
		start();
		NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
	}

	/** The one-line error for a backend that did not load: what is missing, for which platform. */
	static String noBackend(final Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root)
			root = root.getCause();
		final String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
		final String cause = root.getClass().getSimpleName() + ": " + String.valueOf(root.getMessage())
			.replaceAll("\\s+", " ");
		if (root instanceof UnsatisfiedLinkError || cause.contains("no jni") || cause.contains(
			"jnind4jcpu")) return "ND4J's native libraries for " + platform +
				" are missing or do not load (" + cause + "); VAE Texture ships them for " +
				"linux-x86_64, windows-x86_64, macosx-x86_64 and macosx-arm64 (see README, Troubleshooting)";
		return "no ND4J backend found (" + cause + "); the vae-texture-nd4j jar and the natives for " +
			platform + " must be on the class path (see README, Troubleshooting)";
	}
}
