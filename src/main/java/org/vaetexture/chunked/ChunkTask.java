package org.vaetexture.chunked;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One chunk of a map's output: a plane and the chunk's column and row in it. */
public final class ChunkTask implements Serializable {

	private static final long serialVersionUID = 1L;

	private final int plane, column, row;

	public ChunkTask(final int plane, final int column, final int row) {
		this.plane = plane;
		this.column = column;
		this.row = row;
	}

	/** Every chunk of an image's planes, plane by plane, row by row. */
	static List<ChunkTask> grid(final ChunkedImage image, final int chunk) {
		final List<ChunkTask> tasks = new ArrayList<>();
		final int columns = (image.width() + chunk - 1) / chunk, rows = (image.height() + chunk - 1) /
			chunk;
		for (int p = 0; p < image.planes(); p++)
			for (int r = 0; r < rows; r++)
				for (int c = 0; c < columns; c++)
					tasks.add(new ChunkTask(p, c, r));
		return tasks;
	}

	public int plane() {
		return plane;
	}

	public int column() {
		return column;
	}

	public int row() {
		return row;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof ChunkTask && ((ChunkTask) o).plane == plane && ((ChunkTask) o).column ==
			column && ((ChunkTask) o).row == row;
	}

	@Override
	public int hashCode() {
		return (plane * 31 + column) * 31 + row;
	}

	@Override
	public String toString() {
		return "chunk (" + column + ", " + row + ")" + (plane > 0 ? " of plane " + (plane + 1) : "");
	}
}
