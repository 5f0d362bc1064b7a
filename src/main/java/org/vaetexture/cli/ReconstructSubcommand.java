package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.List;

import org.vaetexture.AtomicFiles;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.decode.Reconstructed;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reconstruct}: the image as the VAE reconstructs it, and the reconstruction error. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
	description = "Writes the VAE's reconstruction of the image (image units) and optionally the per-pixel squared error.")
final class ReconstructSubcommand extends MapSubcommand {

	@Option(names = "--error-output", paramLabel = "ERR.tif",
		description = "Also write the squared reconstruction error per pixel (normalized units, summed over channels).")
	private Path errorOutput;

	@Override
	void checkOtherOutputs() {
		if (errorOutput != null) AtomicFiles.requireTarget(errorOutput, "--error-output");
	}

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final Reconstructed result = VaeTexture.reconstruct(m, image, monitor);
		monitor.done();
		write(result.image(), m.config().channels(), null, output.file, "reconstruction of " + image
			.name());
		if (errorOutput != null) write(result.error(), 1, List.of("squared error"), errorOutput,
			"reconstruction error of " + image.name());
	}
}
