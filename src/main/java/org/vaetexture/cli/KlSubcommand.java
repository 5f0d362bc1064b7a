package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.vaetexture.api.VaeTexture;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;

/** {@code kl}: KL divergence of every pixel's posterior to the prior. */
@Command(name = "kl", mixinStandardHelpOptions = true,
	description = "Writes KL(q(z | window) || N(0, I)) of every pixel, in nats.")
final class KlSubcommand extends MapSubcommand {

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final var map = VaeTexture.kl(m, image, monitor);
		monitor.done();
		write(map, 1, List.of("KL to prior (nats)"), output.file, "KL of " + image.name());
	}

	@Override
	Map<Path, ChunkedMap> chunkedOutputs(final VaeModel m, final ConsoleMonitor monitor) {
		return Map.of(output.file, ChunkedMap.kl());
	}
}
