package org.vaetexture.cli;

import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;

/** {@code overview}: the first three principal components of the latent feature map as RGB. */
@Command(name = "overview", mixinStandardHelpOptions = true,
	description = "Writes an RGB TIFF: the first three principal components of the latent feature map (mu per pixel) as red, green and blue.")
final class OverviewSubcommand extends MapSubcommand {

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final var rgb = VaeTexture.overview(m, image, monitor);
		monitor.done();
		save(ImageWriter.toImagePlus(rgb, "overview of " + image.name()), output.file);
	}
}
