package org.vaetexture.fiji;

import java.io.File;

import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.api.VaeTexture;

/**
 * Plugins > VAE Texture > Latent Map Overview: the first three principal components of the latent
 * feature map as an RGB image.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Latent Map Overview", headless = true)
public class LatentMapOverviewCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(type = ItemIO.OUTPUT, label = "Latent map overview")
	private Img<ARGBType> overview;

	@Override
	public void run() {
		overview = guarded(() -> VaeTexture.overview(VaeTexture.load(modelFile(model)), ImagePlusInput
			.of(image, false), monitor()));
	}
}
