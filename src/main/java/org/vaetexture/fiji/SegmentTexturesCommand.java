package org.vaetexture.fiji;

import java.io.File;

import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.AtomicFiles;
import org.vaetexture.Defaults;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;
import org.vaetexture.segment.SegmentationOptions;
import org.vaetexture.segment.TextureClasses;

/**
 * Plugins > VAE Texture > Segment Textures: the image's texture features clustered into K classes,
 * an 8-bit label image; or labelled with the classes of an earlier run's centres file.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Segment Textures", headless = true)
public class SegmentTexturesCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(label = "Texture classes", persist = false)
	private int classes = Defaults.TEXTURE_CLASSES;

	@Parameter(label = "Smoothing radius (-1: 3/4 of the tile size)", persist = false)
	private int smoothing = Defaults.SMOOTHING;

	@Parameter(label = "Seed", persist = false)
	private long seed = Defaults.SEED;

	@Parameter(label = "Reuse class centres from", required = false, persist = false)
	private File reuse_centres;

	@Parameter(label = "Write class centres to", required = false, style = "save", persist = false)
	private File write_centres;

	@Parameter(type = ItemIO.OUTPUT, label = "Texture classes")
	private Img<UnsignedByteType> labels;

	@Override
	public void run() {
		labels = guarded(() -> {
			// before the work, not after it: a folder that is not there must not cost the fit
			if (write_centres != null) AtomicFiles.requireTarget(write_centres.toPath(), "write_centres");
			final VaeModel m = VaeTexture.load(modelFile(model));
			final TextureImage input = ImagePlusInput.of(image, false);
			final TextureClasses fitted = reuse_centres != null ? VaeTexture.loadClasses(reuse_centres
				.toPath()) : VaeTexture.fitClasses(m, input, SegmentationOptions.defaults().withClasses(
					classes).withSmoothing(smoothing).withSeed(seed), monitor());
			final Img<UnsignedByteType> result = VaeTexture.segment(m, input, fitted, monitor());
			if (write_centres != null) VaeTexture.saveClasses(fitted, write_centres.toPath());
			return result;
		});
	}
}
