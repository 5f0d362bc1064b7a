package org.vaetexture.chunked;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vaetexture.store.AxisScale;

/**
 * The axes of an OME-Zarr written from an image: t, c, z, y, x in that order, t and z where the
 * image has them, c where there are several channels; chunks of one plane, every channel and a
 * square of {@code chunk} pixels. One place for the shape and the chunk index of a plane's chunk.
 */
final class OutputAxes {

	private final List<String> names = new ArrayList<>();
	private final List<Long> shape = new ArrayList<>();
	private final List<Integer> chunks = new ArrayList<>();
	private final Map<String, AxisScale> calibration = new LinkedHashMap<>();
	private final boolean time, channel, depth;
	private final int planesPerTime;

	OutputAxes(final ChunkedImage image, final int channels, final int chunk) {
		image.calibration().forEach((axis, size) -> {
			if (!axis.equals("c")) calibration.put(axis, size);
		});
		time = image.hasTime();
		channel = channels > 1;
		depth = image.hasDepth();
		planesPerTime = image.depth();
		if (time) add("t", image.times(), 1);
		if (channel) add("c", channels, channels);
		if (depth) add("z", image.depth(), 1);
		add("y", image.height(), chunk);
		add("x", image.width(), chunk);
	}

	private void add(final String axis, final long size, final int chunk) {
		names.add(axis);
		shape.add(size);
		chunks.add((int) Math.min(chunk, size));
	}

	List<String> names() {
		return names;
	}

	/** The image's pixel size along the output's axes (the maps have its geometry). */
	Map<String, AxisScale> calibration() {
		return calibration;
	}

	long[] shape() {
		return shape.stream().mapToLong(Long::longValue).toArray();
	}

	int[] chunks() {
		return chunks.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The index of a plane's chunk at (column, row) of the chunk grid. */
	long[] chunkIndex(final int plane, final int column, final int row) {
		final List<Long> index = new ArrayList<>();
		if (time) index.add((long) (plane / planesPerTime));
		if (channel) index.add(0L);
		if (depth) index.add((long) (plane % planesPerTime));
		index.add((long) row);
		index.add((long) column);
		return index.stream().mapToLong(Long::longValue).toArray();
	}
}
