package org.vaetexture.fiji;

import java.io.File;

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
 * Plugins > VAE Texture > Reconstruct Tiles: random tiles of the image beside their
 * reconstructions, one pair per row.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Reconstruct Tiles", headless = true)
public class ReconstructTilesCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(label = "Number of tiles", persist = false)
	private int count = Defaults.RECONSTRUCTED_TILES;

	@Parameter(label = "Seed", persist = false)
	private long seed = Defaults.SEED;

	@Parameter(type = ItemIO.OUTPUT, label = "Tiles and reconstructions")
	private Img<FloatType> tile_pairs;

	@Override
	public void run() {
		tile_pairs = guarded(() -> VaeTexture.reconstructTiles(VaeTexture.load(modelFile(model)),
			ImagePlusInput.of(image, false), count, seed));
	}
}
