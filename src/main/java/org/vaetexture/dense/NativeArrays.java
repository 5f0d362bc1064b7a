package org.vaetexture.dense;

import java.nio.FloatBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native memory as the maps use it: floats moved to and from Java arrays in bulk
 * ({@code Nd4j.create(float[], ...)} writes element by element), and workspaces that reuse memory
 * from one block to the next.
 */
public final class NativeArrays {

	/**
	 * Sized by the first scope (block) and reused by the next ones, one per thread and name: a fresh
	 * allocation per array cost about a third of a dense map's time. Arrays made inside a scope are
	 * freed all at once when it closes and must not be used after.
	 */
	private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
		.initialSize(0).policyAllocation(AllocationPolicy.OVERALLOCATE).overallocationLimit(0.1)
		.policyLearning(LearningPolicy.FIRST_LOOP).policySpill(SpillPolicy.REALLOCATE).build();

	/** Names of the workspaces opened so far, on any thread. */
	private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

	private NativeArrays() {}

	/** Opens a scope of the calling thread's workspace of that name. */
	public static MemoryWorkspace workspace(final String name) {
		NAMES.add(name);
		return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, name);
	}

	/**
	 * Frees the calling thread's workspaces, so that a thread which made a map (a Fiji command's
	 * thread, say) does not keep its memory afterwards. Call outside any scope.
	 */
	public static void releaseWorkspaces() {
		for (final String name : NAMES) {
			final MemoryWorkspace w = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(name);
			if (w != null) Nd4j.getWorkspaceManager().destroyWorkspace(w);
		}
	}

	/** Bytes the calling thread's workspaces hold now. */
	public static long workspaceBytes() {
		long bytes = 0;
		for (final String name : NAMES) {
			final MemoryWorkspace w = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(name);
			if (w != null) bytes += w.getCurrentSize();
		}
		return bytes;
	}

	/** A new row-major float array of the given shape holding {@code values}. */
	public static INDArray of(final float[] values, final long... shape) {
		final INDArray a = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
		if (a.length() != values.length) throw new IllegalArgumentException(values.length +
			" values for " + a.length() + " elements");
		values(a).put(values);
		return a;
	}

	/**
	 * The values of a dense row-major array, read and written in place in native memory (no Java
	 * copy). Valid while {@code a} is open; positions are the buffer's own.
	 */
	public static FloatBuffer values(final INDArray a) {
		if (a.ordering() != 'c' || a.offset() != 0 || a.length() != a.data().length() || !Shape
			.isContiguousInBuffer(a)) throw new IllegalStateException(
				"expected a dense row-major array");
		return a.data().asNioFloat();
	}
}
