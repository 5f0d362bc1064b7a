package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.List;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.image.TextureImage;
import org.vaetexture.maps.Reconstruction;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reconstruct}: the image as the VAE reconstructs it, and the reconstruction error. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
	description = "Writes the VAE's reconstruction of the image (image units) and optionally the per-pixel squared error.")
final class ReconstructCommand extends MapCommand {

	@Option(names = "--error-output", paramLabel = "ERR.tif",
		description = "Also write the squared reconstruction error per pixel (normalized units, summed over channels).")
	private Path errorOutput;

	@Override
	void checkOtherOutputs() {
		if (errorOutput != null) AtomicFiles.requireTarget(errorOutput, "--error-output");
	}

	@Override
	void compute(final VaeModel m, final TextureImage image, final MapProgress progress) {
		final Img<FloatType>[] result = new Reconstruction(m).run(image, progress, () -> false);
		progress.done("reconstruction");
		write(result[0], m.config().channels(), null, output, "reconstruction of " + image.name());
		if (errorOutput != null) write(result[1], 1, List.of("squared error"), errorOutput,
			"reconstruction error of " + image.name());
	}
}
