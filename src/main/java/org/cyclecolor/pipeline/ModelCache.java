package org.cyclecolor.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cyclecolor.Progress;
import org.cyclecolor.infer.ColorizationModel;
import org.cyclecolor.infer.RuntimeOptions;

/**
 * Keeps the last model opened, so that a macro colorizing a folder pair by pair, or Fiji commands
 * run one after the other, create ONNX Runtime sessions once (creating them takes a second or
 * more). A model is reused while its file (path, size, modification time) and the runtime options
 * are the same; opening another replaces it, and the replaced model is closed as soon as no
 * operation holds it any more.
 */
final class ModelCache {

	private record Key(Path path, long size, long modified, RuntimeOptions options) {}

	private static final class Entry {
		final Key key;
		final ColorizationModel model;
		int leases;
		boolean evicted;

		Entry(Key key, ColorizationModel model) {
			this.key = key;
			this.model = model;
		}
	}

	/** The use of a cached model by one operation; closing it returns the model to the cache. */
	static final class Lease implements AutoCloseable {
		private Entry entry;

		private Lease(Entry entry) {
			this.entry = entry;
		}

		ColorizationModel model() {
			return entry.model;
		}

		@Override
		public void close() {
			synchronized (ModelCache.class) {
				if (entry == null) return;
				entry.leases--;
				if (entry.evicted && entry.leases == 0) entry.model.close();
				entry = null;
			}
		}
	}

	private static Entry current;

	private ModelCache() {}

	/** The model at {@code path} with these options, opened now or taken from the cache (the device choice is logged when opened). */
	static synchronized Lease acquire(Path path, RuntimeOptions options, Progress progress) {
		Key key = key(path, options);
		if (current == null || !current.key.equals(key)) {
			ColorizationModel m = ColorizationModel.open(path, options, progress);
			evict();
			current = new Entry(key, m);
		}
		else {
			progress.log("ONNX Runtime device: " + current.model.device().reason() + " (model already open)");
		}
		current.leases++;
		return new Lease(current);
	}

	/** Closes the cached model (when no operation holds it; otherwise when the last one lets go). */
	static synchronized void clear() {
		evict();
		current = null;
	}

	private static void evict() {
		if (current == null) return;
		current.evicted = true;
		if (current.leases == 0) current.model.close();
	}

	private static Key key(Path path, RuntimeOptions options) {
		Path abs = path.toAbsolutePath().normalize();
		try {
			return new Key(abs, Files.size(abs), Files.getLastModifiedTime(abs).toMillis(), options);
		}
		catch (IOException e) {
			return new Key(abs, -1, -1, options); // ColorizationModel.open reports what is wrong with the file
		}
	}
}
