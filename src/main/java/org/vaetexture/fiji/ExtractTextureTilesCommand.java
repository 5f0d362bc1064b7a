package org.vaetexture.fiji;

import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.Defaults;
import org.vaetexture.api.VaeTexture;

/**
 * Plugins > VAE Texture > Extract Texture Tiles: a grid of tiles (or random ones) from the image
 * and its area ROI, as a tile stack that Train VAE accepts.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Extract Texture Tiles",
	headless = true)
public class ExtractTextureTilesCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Tile size", persist = false)
	private int tile_size = Defaults.TILE_SIZE;

	@Parameter(label = "Random tiles (0 = a grid)", persist = false)
	private int random_count = Defaults.RANDOM_TILES;

	@Parameter(label = "Seed", persist = false)
	private long seed = Defaults.SEED;

	@Parameter(type = ItemIO.OUTPUT, label = "Tiles")
	private Img<FloatType> tiles;

	@Override
	public void run() {
		tiles = guarded(() -> VaeTexture.extractTiles(ImagePlusInput.of(image, true), tile_size,
			random_count, seed));
	}
}
