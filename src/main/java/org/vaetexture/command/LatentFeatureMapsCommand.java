package org.vaetexture.command;

import java.io.File;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.maps.FeatureMap;
import org.vaetexture.maps.MapRunner;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.VaeModel;

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
		features = guarded(() -> {
			final VaeModel m = ModelFile.load(modelFile(model));
			return new MapRunner(m).run(ImagePlusInput.of(image, false), new FeatureMap(m.config()
				.latentDim()), progress("Latent feature maps"), this::isCanceled);
		});
	}
}
