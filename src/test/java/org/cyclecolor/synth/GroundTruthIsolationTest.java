package org.cyclecolor.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.cyclecolor.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-supervised (cycle) training is given {@link UnlabelledPairs} and {@link MonoColorPair}s. These
 * tests make sure it cannot get at the ground truth through them: no type on that side mentions
 * ground truth, and no object reachable from a loaded pair holds the ground truth's pixels.
 */
class GroundTruthIsolationTest {

	private static final Set<Class<?>> LABELLED = Set.of(GroundTruth.class, DatasetPair.class, PairDataset.class,
		StereoViews.class);

	private static boolean mentionsLabelled(Type t) {
		if (t instanceof Class<?> c) {
			return LABELLED.contains(c) || (c.isArray() && mentionsLabelled(c.getComponentType()));
		}
		if (t instanceof ParameterizedType p) {
			if (mentionsLabelled(p.getRawType())) return true;
			for (Type a : p.getActualTypeArguments()) if (mentionsLabelled(a)) return true;
		}
		return false;
	}

	@Test
	void monoColorPairHasNoGroundTruthTypeAnywhere() {
		assertTrue(MonoColorPair.class.isRecord() && Modifier.isFinal(MonoColorPair.class.getModifiers()),
			"a final record: no subclass can add ground truth");
		for (RecordComponent c : MonoColorPair.class.getRecordComponents()) {
			assertFalse(mentionsLabelled(c.getGenericType()), "component " + c.getName());
		}
		for (Method m : MonoColorPair.class.getMethods()) {
			assertFalse(mentionsLabelled(m.getGenericReturnType()), "method " + m.getName());
		}
	}

	@Test
	void unlabelledViewOffersNoWayToTheGroundTruth() {
		assertTrue(Modifier.isFinal(UnlabelledPairs.class.getModifiers()));
		for (Method m : UnlabelledPairs.class.getMethods()) {
			assertFalse(mentionsLabelled(m.getGenericReturnType()), "public method " + m.getName() + " returns "
				+ m.getGenericReturnType());
		}
	}

	/** Every object reachable from {@code root} through fields (arrays included), by identity. */
	private static Set<Object> reachable(Object root) throws IllegalAccessException {
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Object> todo = new ArrayDeque<>(List.of(root));
		while (!todo.isEmpty()) {
			Object o = todo.pop();
			if (o == null || !seen.add(o)) continue;
			Class<?> c = o.getClass();
			if (c.isArray()) {
				if (!c.getComponentType().isPrimitive()) {
					for (int i = 0; i < Array.getLength(o); i++) {
						Object e = Array.get(o, i);
						if (e != null) todo.push(e);
					}
				}
				continue;
			}
			for (; c != null && c != Object.class; c = c.getSuperclass()) {
				for (Field f : c.getDeclaredFields()) {
					if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
					if (!f.trySetAccessible()) continue; // JDK internals: strings and boxes, no pixels
					Object v = f.get(o);
					if (v != null) todo.push(v);
				}
			}
		}
		return seen;
	}

	/**
	 * A synthesized pair loaded through the unlabelled view: none of the ground truth's pixel arrays
	 * (true colour, disparity, occlusion) is reachable from it, while the labelled load has them.
	 */
	@Test
	void aPairLoadedWithoutGroundTruthHoldsNoneOfItsPixels(@TempDir Path tmp) throws IllegalAccessException {
		TestFiles.writeRgb(TestPhotos.photo(120, 80, 1), tmp.resolve("p.png"));
		PairDataset d = Datasets.open(tmp, DatasetOptions.defaults().withPhotos(new PhotoStereo.Settings(12, 1, 2), 1),
			Progress.NONE);
		DatasetPair labelled = d.load(0);
		GroundTruth truth = labelled.groundTruth().orElseThrow();
		UnlabelledPairs unlabelled = d.withoutGroundTruth();
		assertEquals(d.size(), unlabelled.size());
		assertFalse(unlabelled.entries().get(0).groundTruth());
		assertTrue(unlabelled.entries().get(0).files().isEmpty(), "no source paths (they lead to the true colour)");
		MonoColorPair pair = unlabelled.load(0);
		assertEquals(labelled.pair().gray().get(3, 4), pair.gray().get(3, 4), "the same pair");
		Set<Object> fromPair = reachable(pair);
		for (Object array : new Object[] { truth.color().r().data(), truth.color().g().data(), truth.color().b().data(),
			truth.disparity().data(), truth.occlusion().data() })
		{
			assertFalse(fromPair.contains(array), "a ground-truth array is reachable from the unlabelled pair");
		}
		Set<Object> fromLabelled = reachable(labelled);
		assertTrue(fromLabelled.contains(truth.disparity().data()), "the walk does find them when they are there");
		// Stripping an item that has ground truth leaves nothing of it either.
		assertFalse(reachable(labelled.withoutGroundTruth()).contains(truth.color().r().data()));
	}
}
