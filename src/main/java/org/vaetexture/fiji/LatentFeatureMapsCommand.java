package org.vaetexture.fiji;

import java.io.File;

import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.api.VaeTexture;

/** Plugins > VAE Texture > Latent Feature Maps: mu of every pixel's window, X x Y x latent. */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Latent Feature Maps", headless = true)
public class LatentFeatureMapsCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(type = ItemIO.OUTPUT, label = "Latent features")
	private Img<FloatType> features;

	@Override
	public void run() {
		features = guarded(() -> VaeTexture.features(VaeTexture.load(modelFile(model)), ImagePlusInput
			.of(image, false), monitor()));
	}
}
