package org.vaetexture.cli;

import java.util.ArrayList;
import java.util.List;

import org.vaetexture.image.TextureImage;
import org.vaetexture.maps.FeatureMap;
import org.vaetexture.maps.MapRunner;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;

/** {@code features}: the latent feature map, one slice per latent dimension. */
@Command(name = "features", mixinStandardHelpOptions = true,
	description = "Writes mu of every pixel's window: one 32-bit slice per latent dimension.")
final class FeaturesCommand extends MapCommand {

	@Override
	void compute(final VaeModel m, final TextureImage image, final MapProgress progress) {
		final int l = m.config().latentDim();
		final var map = new MapRunner(m).run(image, new FeatureMap(l), progress, () -> false);
		progress.done("features");
		final List<String> labels = new ArrayList<>();
		for (int j = 1; j <= l; j++)
			labels.add("mu " + j);
		write(map, l, labels, output, "features of " + image.name());
	}
}
