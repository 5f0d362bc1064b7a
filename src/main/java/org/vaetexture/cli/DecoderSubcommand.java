package org.vaetexture.cli;

import java.util.concurrent.Callable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the subcommands that only decode share: --model and --output; the output is checked to be
 * writable before any work and written as a 32-bit TIFF, channels as the channels of a hyperstack.
 */
abstract class DecoderSubcommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	SharedOptions.Model model;

	@Mixin
	SharedOptions.Output output;

	@Override
	public final Integer call() {
		AtomicFiles.requireTarget(output.file, "--output");
		final VaeModel m = VaeTexture.load(model.file);
		final Img<FloatType> result = compute(m);
		ImageWriter.saveTiff(ImageWriter.toImagePlus(result, m.config().channels(), null, spec.name() +
			" of " + model.file.getFileName()), output.file);
		spec.commandLine().getErr().println("wrote " + output.file);
		return 0;
	}

	/** The image to write: X, Y[, channel][, tile]. */
	abstract Img<FloatType> compute(VaeModel m);
}
