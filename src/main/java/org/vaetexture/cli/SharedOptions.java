package org.vaetexture.cli;

import java.nio.file.Path;

import org.vaetexture.Defaults;
import org.vaetexture.VaeTextureException;

import picocli.CommandLine.Option;

/** The options several subcommands take, as picocli mixins: declared once, named alike everywhere. */
final class SharedOptions {

	private SharedOptions() {}

	/** {@code --model M.zip}: a model file to read. */
	static final class Model {

		@Option(names = "--model", required = true, paramLabel = "M.zip", description = "Model file.")
		Path file;
	}

	/** {@code --input IMG}: the image to map. */
	static final class Input {

		@Option(names = "--input", required = true, paramLabel = "IMG", description = "Image to map.")
		Path file;
	}

	/** {@code --output OUT.tif}: the TIFF to write, or OME-Zarr for a name ending in .zarr. */
	static final class Output {

		@Option(names = "--output", required = true, paramLabel = "OUT.tif",
			description = "TIFF to write, or OME-Zarr folder for a name ending in .zarr.")
		Path file;
	}

	/** {@code --seed S}. */
	static final class Seed {

		@Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
		long value = Defaults.SEED;
	}

	/** How OME-Zarr is written: chunk size and compression. */
	static final class Zarr {

		@Option(names = "--chunk", paramLabel = "N",
			description = "OME-Zarr output: side of a chunk in pixels; for maps a multiple of 256 (default: ${DEFAULT-VALUE}).")
		int chunk = Defaults.CHUNK;

		@Option(names = "--compression", paramLabel = "CODEC",
			description = "OME-Zarr output: raw, zlib, gzip, blosc-lz4 or blosc-zstd, optionally :LEVEL (default: ${DEFAULT-VALUE}).")
		String compression = Defaults.COMPRESSION;
	}

	/** {@code --partition i/N}: one part of a map's chunks, for job arrays. */
	static final class Partition {

		@Option(names = "--partition", paramLabel = "i/N",
			description = "OME-Zarr output: compute only the i-th of N equal parts of the chunks (i from 1), for job arrays; chunks already written are skipped.")
		String value;

		/** The partition as {i, N}; {1, 1} when none was given. */
		int[] parts() {
			if (value == null) return new int[] { 1, 1 };
			final String[] parts = value.split("/", -1);
			try {
				if (parts.length == 2) {
					final int i = Integer.parseInt(parts[0].trim()), n = Integer.parseInt(parts[1].trim());
					if (n >= 1 && i >= 1 && i <= n) return new int[] { i, n };
				}
			}
			catch (final NumberFormatException e) {
				// reported below
			}
			throw new VaeTextureException("--partition '" + value +
				"' is not i/N with 1 <= i <= N; give e.g. 3/8 for the third of eight parts");
		}
	}
}
