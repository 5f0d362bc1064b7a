package org.vaetexture.cli;

import java.nio.file.Path;

import org.vaetexture.Defaults;

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

	/** {@code --output OUT.tif}: the TIFF to write. */
	static final class Output {

		@Option(names = "--output", required = true, paramLabel = "OUT.tif",
			description = "TIFF to write.")
		Path file;
	}

	/** {@code --seed S}. */
	static final class Seed {

		@Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
		long value = Defaults.SEED;
	}
}
