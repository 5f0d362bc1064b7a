package org.vaetexture.cli;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.Defaults;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code traverse}: the latent traversal montage (see {@link org.vaetexture.decode.LatentTraversal}). */
@Command(name = "traverse", mixinStandardHelpOptions = true,
	description = "Writes a montage with one row per latent dimension: tiles decoded from the training mean with that dimension moved from -3 to +3 standard deviations of the training posteriors.")
final class TraverseSubcommand extends DecoderSubcommand {

	@Option(names = "--steps", paramLabel = "N", description = "Columns from -3 to +3 std (default: ${DEFAULT-VALUE}).")
	private int steps = Defaults.TRAVERSAL_STEPS;

	@Override
	Img<FloatType> compute(final VaeModel m) {
		return VaeTexture.traverse(m, steps);
	}
}
