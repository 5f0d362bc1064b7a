package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vaetexture.api.VaeTexture;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;

/** {@code features}: the latent feature map, one slice per latent dimension. */
@Command(name = "features", mixinStandardHelpOptions = true,
	description = "Writes mu of every pixel's window: one 32-bit slice per latent dimension.")
final class FeaturesSubcommand extends MapSubcommand {

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final var map = VaeTexture.features(m, image, monitor);
		monitor.done();
		final int l = m.config().latentDim();
		final List<String> labels = new ArrayList<>();
		for (int j = 1; j <= l; j++)
			labels.add("mu " + j);
		write(map, l, labels, output.file, "features of " + image.name());
	}

	@Override
	Map<Path, ChunkedMap> chunkedOutputs(final VaeModel m, final ConsoleMonitor monitor) {
		return Map.of(output.file, ChunkedMap.features());
	}
}
