package org.vaetexture.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.vaetexture.VaeTextureException;

/**
 * An OME-Zarr image: level 0 of a multiscales group (NGFF 0.4, or 0.3's axes), or a plain Zarr
 * array or N5 dataset, with its axis names in array order ("t", "c", "z", "y", "x" as NGFF names
 * them).
 */
public final class OmeZarr {

	private static final String MULTISCALES = "multiscales";

	private final ChunkedArray array;
	private final List<String> axes;
	private final Map<String, Object> attributes;
	private final ZarrArray writable;
	private final Map<String, AxisScale> calibration;

	private OmeZarr(final ChunkedArray array, final List<String> axes,
		final Map<String, Object> attributes, final ZarrArray writable,
		final Map<String, AxisScale> calibration)
	{
		this.array = array;
		this.axes = Collections.unmodifiableList(axes);
		this.attributes = attributes;
		this.writable = writable;
		this.calibration = Map.copyOf(calibration);
	}

	/**
	 * Whether {@code p} is a Zarr or N5 folder: it holds .zarray, .zgroup, .zattrs or
	 * attributes.json. (Callers may also take a ".zarr" or ".n5" suffix as a sign.)
	 */
	public static boolean isChunkedStore(final Path p) {
		return Files.isDirectory(p) && Stream.of(".zarray", ".zgroup", ".zattrs", "attributes.json",
			"zarr.json").anyMatch(name -> Files.exists(p.resolve(name)));
	}

	/**
	 * Opens an OME-Zarr group (its first dataset), a Zarr array or an N5 dataset. Without axes
	 * metadata, 2D arrays have axes y, x and 3D arrays z, y, x.
	 *
	 * @throws VaeTextureException naming the path and what to change
	 */
	public static OmeZarr open(final Path path) {
		final boolean n5 = !Files.exists(path.resolve(".zattrs")) && Files.exists(path.resolve(
			"attributes.json"));
		final JsonObject attrs = Json.readIfExists(path.resolve(n5 ? "attributes.json"
			: ".zattrs"));
		if (attrs == null || !attrs.has(MULTISCALES)) {
			final ChunkedArray a = openArray(path);
			return new OmeZarr(a, defaultAxes(path, a), attrs == null ? Map.of() : Json.toMap(attrs,
				n5 ? N5Array.KEYS : new String[0]), null, Map.of());
		}
		final ChunkedArray a;
		final List<String> axes;
		final Map<String, AxisScale> calibration;
		try {
			final JsonObject scales = attrs.getAsJsonArray(MULTISCALES).get(0).getAsJsonObject();
			final JsonObject level0 = scales.getAsJsonArray("datasets").get(0).getAsJsonObject();
			a = openArray(path.resolve(level0.get("path").getAsString()));
			axes = scales.has("axes") ? axisNames(scales.getAsJsonArray("axes")) : defaultAxes(path,
				a);
			calibration = calibration(scales, level0, axes);
		}
		catch (final VaeTextureException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw new VaeTextureException("cannot read '" + path +
				"': its multiscales metadata is not valid (" + Json.oneLine(e) +
				"); rewrite it as OME-Zarr 0.4");
		}
		if (axes.size() != a.shape().length) throw new VaeTextureException("cannot read '" + path +
			"': its multiscales axes " + axes + " do not match its " + a.shape().length +
			" array dimensions; fix the axes metadata");
		return new OmeZarr(a, axes, Json.toMap(attrs, MULTISCALES), null, calibration);
	}

	/**
	 * Creates (or re-opens, as {@link ZarrArray#create} does) an OME-Zarr group: .zgroup, .zattrs
	 * with NGFF 0.4 multiscales metadata (axes typed time, channel or space, scale 1) and the given
	 * extra attributes at top level, and the array "0".
	 *
	 * @param axes the axis names in array order, such as "c", "y", "x"
	 * @throws VaeTextureException if {@code group} holds a different image or cannot be written
	 */
	public static OmeZarr create(final Path group, final String name, final List<String> axes,
		final long[] shape, final int[] chunks, final DataType type, final ZarrCodec codec,
		final Map<String, Object> attributes)
	{
		return create(group, name, axes, Map.of(), shape, chunks, type, codec, attributes);
	}

	/**
	 * As {@link #create(Path, String, List, long[], int[], DataType, ZarrCodec, Map)}, with the
	 * pixel size of some axes (scale and unit; the others get scale 1 and no unit).
	 */
	public static OmeZarr create(final Path group, final String name, final List<String> axes,
		final Map<String, AxisScale> calibration, final long[] shape, final int[] chunks,
		final DataType type, final ZarrCodec codec, final Map<String, Object> attributes)
	{
		if (axes.size() != shape.length || new HashSet<>(axes).size() != axes.size() || attributes
			.containsKey(MULTISCALES)) throw new IllegalArgumentException("axes " + axes +
				" do not name the " + shape.length + " dimensions once each, or attributes hold " +
				MULTISCALES);
		final JsonObject attrs = Json.toJson(attributes).getAsJsonObject();
		attrs.add(MULTISCALES, multiscales(name, axes, calibration));
		final JsonObject existing = Json.readIfExists(group.resolve(".zattrs"));
		if (existing != null && !existing.equals(attrs)) throw new VaeTextureException(
			"cannot create '" + group +
				"': it already holds a different image; delete it or choose another output");
		try {
			Files.createDirectories(group);
		}
		catch (final IOException e) {
			throw new VaeTextureException("cannot create '" + group + "': " + Json.oneLine(e) +
				"; choose a writable folder");
		}
		final JsonObject zgroup = new JsonObject();
		zgroup.addProperty("zarr_format", 2);
		if (!Files.exists(group.resolve(".zgroup"))) Json.write(group.resolve(".zgroup"), zgroup);
		final ZarrArray array = ZarrArray.create(group.resolve("0"), shape, chunks, type, codec, Map
			.of());
		if (existing == null) Json.write(group.resolve(".zattrs"), attrs);
		return new OmeZarr(array, new ArrayList<>(axes), Json.toMap(attrs, MULTISCALES), array,
			calibration);
	}

	/** The image's full-resolution array. */
	public ChunkedArray array() {
		return array;
	}

	/** The axis names in array order. */
	public List<String> axes() {
		return axes;
	}

	/**
	 * The array "0" of a group made by {@link #create}, to write to.
	 *
	 * @throws IllegalStateException for images opened to read
	 */
	public ZarrArray writable() {
		if (writable == null) throw new IllegalStateException("an opened image is read only");
		return writable;
	}

	/**
	 * The pixel size along the axes whose level-0 scale or unit the metadata gives (by axis name;
	 * empty for a plain array or N5 dataset).
	 */
	public Map<String, AxisScale> calibration() {
		return calibration;
	}

	/** The group's attributes other than multiscales (or, for a plain array, the array's). */
	public Map<String, Object> attributes() {
		return attributes;
	}

	private static ChunkedArray openArray(final Path dir) {
		if (Files.exists(dir.resolve(".zarray"))) return ZarrArray.open(dir);
		if (Files.exists(dir.resolve("attributes.json"))) return N5Array.open(dir);
		if (Files.exists(dir.resolve("zarr.json"))) throw new VaeTextureException("cannot read '" + dir +
			"': it is Zarr v3 (OME-Zarr 0.5), which is not read yet; save it as Zarr v2 (OME-Zarr 0.4)");
		throw new VaeTextureException("cannot read '" + dir + "': " + (Files.exists(dir.resolve(
			".zgroup")) ? "it is a Zarr group without OME-Zarr multiscales metadata; give the folder of" +
				" one of its images or arrays (of a bioformats2raw folder, its image '0')"
				: "it is no Zarr array, OME-Zarr image or N5 dataset; give the folder of one"));
	}

	private static List<String> defaultAxes(final Path path, final ChunkedArray a) {
		final int n = a.shape().length;
		if (n == 2) return List.of("y", "x");
		if (n == 3) return List.of("z", "y", "x");
		throw new VaeTextureException("cannot read '" + path + "': its " + n +
			"-dimensional array has no axes metadata; " +
			"save it as OME-Zarr with multiscales axes (t, c, z, y, x)");
	}

	/** Axis names of NGFF 0.4 ({name, type} objects) or 0.3 (strings). */
	private static List<String> axisNames(final JsonArray json) {
		final List<String> names = new ArrayList<>();
		for (final JsonElement axis : json)
			names.add(axis.isJsonObject() ? axis.getAsJsonObject().get("name").getAsString() : axis
				.getAsString());
		return names;
	}

	/**
	 * Level 0's scale per axis (its dataset's scale times the multiscale's own, NGFF 0.4) and the
	 * axes' units, for the axes where either is given.
	 */
	private static Map<String, AxisScale> calibration(final JsonObject multiscale,
		final JsonObject level0, final List<String> axes)
	{
		final double[] scale = new double[axes.size()];
		Arrays.fill(scale, 1);
		boolean scaled = false;
		for (final JsonObject holder : new JsonObject[] { level0, multiscale })
			if (holder.has("coordinateTransformations")) for (final JsonElement e : holder.getAsJsonArray(
				"coordinateTransformations")) {
				final JsonObject transform = e.getAsJsonObject();
				if (!transform.has("type") || !"scale".equals(Json.string(transform.get("type"))) ||
					!transform.has("scale")) continue; // translations are not carried over
				final JsonArray s = transform.getAsJsonArray("scale");
				for (int i = 0; i < Math.min(s.size(), scale.length); i++)
					scale[i] *= s.get(i).getAsDouble();
				scaled = true;
			}
		final JsonArray axisList = multiscale.has("axes") ? multiscale.getAsJsonArray("axes")
			: new JsonArray();
		final Map<String, AxisScale> calibration = new LinkedHashMap<>();
		for (int i = 0; i < axes.size(); i++) {
			final JsonElement axis = i < axisList.size() ? axisList.get(i) : null;
			final String unit = axis != null && axis.isJsonObject() ? Json.string(axis.getAsJsonObject()
				.get("unit")) : null;
			if (unit != null || scaled && scale[i] != 1) calibration.put(axes.get(i), new AxisScale(
				scale[i], unit));
		}
		return calibration;
	}

	private static JsonArray multiscales(final String name, final List<String> axes,
		final Map<String, AxisScale> calibration)
	{
		final JsonArray axisList = new JsonArray();
		final JsonArray scale = new JsonArray();
		for (final String a : axes) {
			final JsonObject axis = new JsonObject();
			axis.addProperty("name", a);
			final String type = a.equals("c") ? "channel" : a.equals("t") ? "time"
				: a.matches("[zyx]") ? "space" : null;
			if (type != null) axis.addProperty("type", type);
			final AxisScale size = calibration.get(a);
			if (size != null && size.unit() != null) axis.addProperty("unit", size.unit());
			axisList.add(axis);
			scale.add(size == null ? 1.0 : size.scale());
		}
		final JsonObject transform = new JsonObject();
		transform.addProperty("type", "scale");
		transform.add("scale", scale);
		final JsonArray transforms = new JsonArray();
		transforms.add(transform);
		final JsonObject dataset = new JsonObject();
		dataset.addProperty("path", "0");
		dataset.add("coordinateTransformations", transforms);
		final JsonArray datasets = new JsonArray();
		datasets.add(dataset);
		final JsonObject scales = new JsonObject();
		scales.addProperty("version", "0.4");
		scales.addProperty("name", name);
		scales.add("axes", axisList);
		scales.add("datasets", datasets);
		final JsonArray list = new JsonArray();
		list.add(scales);
		return list;
	}
}
