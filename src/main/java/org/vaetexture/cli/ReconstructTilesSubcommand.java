package org.vaetexture.cli;

import org.vaetexture.Defaults;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reconstruct-tiles}: random tiles of the image beside their reconstructions. */
@Command(name = "reconstruct-tiles", mixinStandardHelpOptions = true,
	description = "Writes a montage of random tiles of the image (left) beside the VAE's reconstructions (right), one pair per row.")
final class ReconstructTilesSubcommand extends MapSubcommand {

	@Option(names = "--count", paramLabel = "N", description = "Tiles (default: ${DEFAULT-VALUE}).")
	private int count = Defaults.RECONSTRUCTED_TILES;

	@Mixin
	private SharedOptions.Seed seed;

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final var montage = VaeTexture.reconstructTiles(m, image, count, seed.value);
		ImageWriter.saveTiff(ImageWriter.toImagePlus(montage, m.config().channels(), null,
			"tiles and reconstructions of " + image.name()), output.file);
		err().println("wrote " + output.file);
	}
}
