package org.vaetexture.command;

import java.io.File;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.maps.TileReconstruction;
import org.vaetexture.model.ModelFile;

/**
 * Plugins > VAE Texture > Reconstruct Tiles: random tiles of the image beside their
 * reconstructions, one pair per row.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Reconstruct Tiles", headless = true)
public class ReconstructTileMontageCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(label = "Number of tiles", min = "1", persist = false)
	private int count = 8;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Tiles and reconstructions")
	private Img<FloatType> tile_pairs;

	@Override
	public void run() {
		tile_pairs = guarded(() -> TileReconstruction.montage(ModelFile.load(modelFile(model)),
			ImagePlusInput.of(image, false), count, seed));
	}
}
