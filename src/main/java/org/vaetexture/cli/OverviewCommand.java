package org.vaetexture.cli;

import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.maps.LatentOverview;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;

/** {@code overview}: the first three principal components of the latent feature map as RGB. */
@Command(name = "overview", mixinStandardHelpOptions = true,
	description = "Writes an RGB TIFF: the first three principal components of the latent feature map (mu per pixel) as red, green and blue.")
final class OverviewCommand extends MapCommand {

	@Override
	void compute(final VaeModel m, final TextureImage image, final MapProgress progress) {
		final var rgb = new LatentOverview(m).run(image, progress, () -> false);
		progress.done("overview");
		save(ImageWriter.toImagePlus(rgb, "overview of " + image.name()), output);
	}
}
