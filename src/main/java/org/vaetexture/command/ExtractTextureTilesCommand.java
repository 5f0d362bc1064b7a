package org.vaetexture.command;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.VaeTextureException;
import org.vaetexture.image.TextureImage;
import org.vaetexture.train.TileExtractor;

/**
 * Plugins > VAE Texture > Extract Texture Tiles: a grid of tiles (or random ones) from the image
 * and its area ROI, as a tile stack that Train VAE accepts.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Extract Texture Tiles",
	headless = true)
public class ExtractTextureTilesCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Tile size", min = "8", persist = false)
	private int tile_size = 32;

	@Parameter(label = "Random tiles (0 = a grid)", min = "0", persist = false)
	private int random_count = 0;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Tiles")
	private Img<FloatType> tiles;

	@Override
	public void run() {
		tiles = guarded(() -> {
			final TextureImage input = ImagePlusInput.of(image, true);
			if (random_count < 0) throw new VaeTextureException(
				"random_count must be 0 (a grid) or more, got " + random_count);
			return random_count > 0 ? TileExtractor.random(input, tile_size, random_count, seed)
				: TileExtractor.grid(input, tile_size);
		});
	}
}
