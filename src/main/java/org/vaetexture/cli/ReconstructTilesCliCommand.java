package org.vaetexture.cli;

import org.vaetexture.image.ImageWriter;
import org.vaetexture.image.TextureImage;
import org.vaetexture.maps.TileReconstruction;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reconstruct-tiles}: random tiles of the image beside their reconstructions. */
@Command(name = "reconstruct-tiles", mixinStandardHelpOptions = true,
	description = "Writes a montage of random tiles of the image (left) beside the VAE's reconstructions (right), one pair per row.")
final class ReconstructTilesCliCommand extends MapCommand {

	@Option(names = "--count", paramLabel = "N", description = "Tiles (default: ${DEFAULT-VALUE}).")
	private int count = 8;

	@Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
	private long seed = 1;

	@Override
	void compute(final VaeModel m, final TextureImage image, final MapProgress progress) {
		final var montage = TileReconstruction.montage(m, image, count, seed);
		progress.done("tiles");
		ImageWriter.saveTiff(ImageWriter.toImagePlus(montage, m.config().channels(), null,
			"tiles and reconstructions of " + image.name()), output);
		err().println("wrote " + output);
	}
}
