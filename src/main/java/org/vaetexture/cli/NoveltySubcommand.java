package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code novelty}: the novelty heatmap and, optionally, its thresholded mask. */
@Command(name = "novelty", mixinStandardHelpOptions = true,
	description = "Writes the novelty heatmap (nats): how far each pixel's local texture lies from the training texture.")
final class NoveltySubcommand extends MapSubcommand {

	@Option(names = "--mask-output", paramLabel = "MASK",
		description = "Also write a mask: 1 where the score exceeds the threshold the model set at its false-positive rate on held-out training pixels (default 1%); OME-Zarr (.zarr, the map computed a second time) with an OME-Zarr --output.")
	private Path maskOutput;

	@Option(names = "--explain", paramLabel = "TERMS",
		description = "Also write why each pixel is novel: the score's five parts (code, energy, roughness, shape, orientation; nats, adding up to the score), one channel each; OME-Zarr (.zarr) with an OME-Zarr --output.")
	private Path explain;

	@Override
	void checkOtherOutputs() {
		if (maskOutput != null) AtomicFiles.requireTarget(maskOutput, "--mask-output");
		if (explain != null) AtomicFiles.requireTarget(explain, "--explain");
	}

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final Img<FloatType> map = VaeTexture.novelty(m, image, monitor);
		monitor.done();
		write(map, 1, List.of("novelty (nats)"), output.file, "novelty of " + image.name());
		if (explain != null) {
			final Img<FloatType> terms = VaeTexture.noveltyTerms(m, image, new ConsoleMonitor(err(),
				"of " + image.name()));
			final List<String> names = VaeTexture.noveltyTermNames();
			write(terms, names.size(), names.stream().map(t -> t + " (nats)").collect(Collectors
				.toList()), explain, "novelty terms of " + image.name());
		}
		if (maskOutput != null) { // the map is written: its pixels become the mask, no second image
			VaeTexture.noveltyMaskInPlace(m, map);
			write(map, 1, List.of("novel"), maskOutput, "novelty mask of " + image.name());
		}
	}

	/** The map, and the mask from the map's second run when --mask-output is given. */
	@Override
	Map<Path, ChunkedMap> chunkedOutputs(final VaeModel m, final ConsoleMonitor monitor) {
		final Map<Path, ChunkedMap> outputs = new LinkedHashMap<>();
		outputs.put(output.file, ChunkedMap.novelty());
		if (maskOutput != null) {
			if (!isZarr(maskOutput)) throw new VaeTextureException("--mask-output '" + maskOutput +
				"' does not end in .zarr; with an OME-Zarr --output the mask is OME-Zarr too");
			outputs.put(maskOutput, ChunkedMap.noveltyMask());
		}
		if (explain != null) {
			if (!isZarr(explain)) throw new VaeTextureException("--explain '" + explain +
				"' does not end in .zarr; with an OME-Zarr --output the terms are OME-Zarr too");
			outputs.put(explain, ChunkedMap.noveltyTerms());
		}
		return outputs;
	}
}
