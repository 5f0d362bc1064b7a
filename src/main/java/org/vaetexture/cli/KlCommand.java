package org.vaetexture.cli;

import java.util.List;

import org.vaetexture.image.TextureImage;
import org.vaetexture.maps.KlMap;
import org.vaetexture.maps.MapRunner;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;

/** {@code kl}: KL divergence of every pixel's posterior to the prior. */
@Command(name = "kl", mixinStandardHelpOptions = true,
	description = "Writes KL(q(z | window) || N(0, I)) of every pixel, in nats.")
final class KlCommand extends MapCommand {

	@Override
	void compute(final VaeModel m, final TextureImage image, final MapProgress progress) {
		final var map = new MapRunner(m).run(image, new KlMap(), progress, () -> false);
		progress.done("KL map");
		write(map, 1, List.of("KL to prior (nats)"), output, "KL of " + image.name());
	}
}
