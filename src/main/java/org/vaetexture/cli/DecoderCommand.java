package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the subcommands that only decode share: --model and --output; the output is checked to be
 * writable before any work and written as a 32-bit TIFF, channels as the channels of a hyperstack.
 */
abstract class DecoderCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--model", required = true, paramLabel = "M.zip", description = "Model file.")
	Path model;

	@Option(names = "--output", required = true, paramLabel = "OUT.tif",
		description = "32-bit TIFF to write.")
	Path output;

	@Override
	public final Integer call() {
		AtomicFiles.requireTarget(output, "--output");
		final VaeModel m = ModelFile.load(model);
		final Img<FloatType> result = compute(m);
		ImageWriter.saveTiff(ImageWriter.toImagePlus(result, m.config().channels(), null, spec.name() +
			" of " + model.getFileName()), output);
		spec.commandLine().getErr().println("wrote " + output);
		return 0;
	}

	/** The image to write: X, Y[, channel][, tile]. */
	abstract Img<FloatType> compute(VaeModel m);
}
