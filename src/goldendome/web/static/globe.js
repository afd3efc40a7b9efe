// goldendome globe: plays one trial of a run on an offline Cesium globe.
//
// Loads <run>/globe.json, then one CZML document per layer. Above PRIMITIVE_THRESHOLD
// satellites (or with ?primitives=1) the satellites are drawn as one PointPrimitiveCollection
// whose positions are Lagrange-interpolated from the stored samples each frame, instead of
// one entity each. ?lean=1 turns off what software rendering pays for (MSAA, sky, atmosphere,
// sun, moon) and renders on request only; tests use it.
//
// window.goldendome exposes the state tests wait on: ready (true once every layer is loaded
// and the imagery tiles are in), error, counts (objects actually on the globe, per layer),
// and helpers to read positions.
"use strict";

const PRIMITIVE_THRESHOLD = 2000;
const LAGRANGE_DEGREE = 5;

const state = (window.goldendome = {
  ready: false,
  error: null,
  counts: {},
  info: null,
  viewer: null,
  dataSources: {},
  satellites: null,
  loadSeconds: null,
  timings: {},
});

function satelliteCloud(document) {
  // Typed arrays from the satellites' CZML packets (all share one time grid).
  const packets = document.slice(1);
  const first = packets.length ? packets[0].position.cartesian : [];
  const nT = first.length / 4;
  const times = new Float64Array(nT);
  for (let k = 0; k < nT; k++) times[k] = first[4 * k];
  const positions = new Float64Array(packets.length * nT * 3);
  packets.forEach((p, s) => {
    const c = p.position.cartesian;
    if (c.length !== 4 * nT) throw new Error(`satellite ${p.id}: its samples differ from the others'`);
    for (let k = 0; k < nT; k++) {
      positions.set([c[4 * k + 1], c[4 * k + 2], c[4 * k + 3]], (s * nT + k) * 3);
    }
  });
  return {
    packets,
    times,
    positions,
    epoch: Cesium.JulianDate.fromIso8601(first.length ? packets[0].position.epoch : "2000-01-01T00:00:00Z"),
  };
}

function lagrangeWeights(times, t) {
  // The first node and the weights of the LAGRANGE_DEGREE + 1 nodes around t.
  const n = times.length;
  const m = Math.min(LAGRANGE_DEGREE + 1, n);
  let i = 0;
  while (i < n - 1 && times[i + 1] <= t) i++;
  const start = Math.max(0, Math.min(i - Math.floor((m - 1) / 2), n - m));
  const w = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    let v = 1;
    for (let j = 0; j < m; j++) {
      if (j !== k) v *= (t - times[start + j]) / (times[start + k] - times[start + j]);
    }
    w[k] = v;
  }
  return { start, w };
}

function addSatellitePoints(viewer, cloud) {
  const collection = viewer.scene.primitives.add(new Cesium.PointPrimitiveCollection());
  const nT = cloud.times.length;
  const points = cloud.packets.map((p) => {
    const entity = new Cesium.Entity({ id: p.id, name: p.name, description: p.description });
    const point = collection.add({
      position: new Cesium.Cartesian3(),
      pixelSize: p.point.pixelSize,
      color: Cesium.Color.fromBytes(...p.point.color.rgba),
      id: entity,
    });
    entity.position = new Cesium.CallbackProperty(() => point.position, false);
    return point;
  });
  const scratch = new Cesium.Cartesian3();
  const update = (time) => {
    // Clamped to the samples: a Lagrange polynomial far outside them runs off to huge
    // distances (and a frustum that large stalls the renderer).
    const t = Math.min(
      Math.max(Cesium.JulianDate.secondsDifference(time, cloud.epoch), cloud.times[0]),
      cloud.times[cloud.times.length - 1]
    );
    const { start, w } = lagrangeWeights(cloud.times, t);
    const P = cloud.positions;
    for (let s = 0; s < points.length; s++) {
      let x = 0, y = 0, z = 0;
      for (let k = 0; k < w.length; k++) {
        const o = (s * nT + start + k) * 3;
        x += w[k] * P[o];
        y += w[k] * P[o + 1];
        z += w[k] * P[o + 2];
      }
      scratch.x = x; scratch.y = y; scratch.z = z;
      points[s].position = scratch;
    }
  };
  update(viewer.clock.currentTime);
  viewer.scene.preUpdate.addEventListener(() => update(viewer.clock.currentTime));
  return { collection, points };
}

function makeViewer(lean) {
  Cesium.Ion.defaultAccessToken = "";
  const viewer = new Cesium.Viewer("globe", {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(
      Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl("Assets/Textures/NaturalEarthII"))
    ),
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
    geocoder: false,
    baseLayerPicker: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    homeButton: false,
    fullscreenButton: false,
    shouldAnimate: false,
    requestRenderMode: lean,
    msaaSamples: lean ? 1 : 4,
    skyBox: lean ? false : undefined,
    skyAtmosphere: lean ? false : undefined,
    contextOptions: { webgl: { preserveDrawingBuffer: true } },
  });
  if (lean) {
    const scene = viewer.scene;
    scene.globe.showGroundAtmosphere = false;
    scene.fog.enabled = false;
    if (scene.sun) scene.sun.show = false;
    if (scene.moon) scene.moon.show = false;
  }
  viewer.scene.globe.enableLighting = false;
  return viewer;
}

function setClock(viewer, clock) {
  const interval = Cesium.TimeInterval.fromIso8601({ iso8601: clock.interval });
  viewer.clock.startTime = interval.start.clone();
  viewer.clock.stopTime = interval.stop.clone();
  viewer.clock.currentTime = Cesium.JulianDate.fromIso8601(clock.currentTime);
  viewer.clock.multiplier = clock.multiplier;
  viewer.clock.clockRange = Cesium.ClockRange.LOOP_STOP;
  viewer.timeline.zoomTo(interval.start, interval.stop);
}

function layerToggle(name, title, count, apply) {
  const label = document.createElement("label");
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = true;
  box.dataset.layer = name;
  box.addEventListener("change", () => {
    apply(box.checked);
    state.viewer.scene.requestRender();
  });
  label.append(box, ` ${title} (${count.toLocaleString("en-US")})`);
  document.getElementById("layers").append(label);
}

function eventList(viewer, events) {
  const list = document.getElementById("events");
  for (const ev of events) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    const time = document.createElement("span");
    time.className = "t";
    time.textContent = ev.time.slice(11, 19) + " ";
    button.append(time, ev.label);
    button.dataset.id = ev.id;
    button.addEventListener("click", () => {
      // A moment after the event, so what it shows is on the globe.
      viewer.clock.currentTime = Cesium.JulianDate.addSeconds(
        Cesium.JulianDate.fromIso8601(ev.time), 1, new Cesium.JulianDate()
      );
      for (const ds of Object.values(state.dataSources)) {
        const entity = ds.entities.getById(ev.id);
        if (entity) viewer.selectedEntity = entity;
      }
      viewer.scene.requestRender();
    });
    item.append(button);
    list.append(item);
  }
}

function whenTilesLoaded(viewer) {
  // Polled rather than chained on postRender: a render requested inside postRender can be
  // dropped in requestRenderMode, and the globe would wait forever.
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (viewer.scene.globe.tilesLoaded && viewer.imageryLayers.get(0).ready) {
        clearInterval(timer);
        viewer.scene.render(viewer.clock.currentTime);
        resolve();
      } else {
        viewer.scene.requestRender();
      }
    }, 50);
  });
}

async function main() {
  const mark = (what) => (state.timings[what] = Math.round(performance.now()) / 1000);
  const params = new URLSearchParams(location.search);
  const lean = params.get("lean") === "1";
  const base = location.pathname.replace(/\/globe\/?$/, "/");
  // ?trial=N shows another trial; ?coverage=1 adds the radars' coverage layer.
  const asked = new URLSearchParams();
  if (params.has("trial")) asked.set("trial", params.get("trial"));
  if (params.get("coverage") === "1") asked.set("coverage", "1");
  const query = asked.toString() ? `?${asked}` : "";
  const infoResponse = fetch(`${base}globe.json${query}`);
  // The globe first: Cesium sets up its imagery, terrain workers and first tiles while the
  // server exports the run (measured: 0.3-0.5 s sooner ready under load; asking for frames
  // this early as well was slower, the frames competing with the data for the CPU).
  const viewer = (state.viewer = makeViewer(lean));
  viewer.camera.setView({
    destination: Cesium.Cartesian3.fromDegrees(-165.0, 50.0, 12_500_000.0),
  });
  mark("viewer");
  const response = await infoResponse;
  if (!response.ok) throw new Error(`${base}globe.json: ${response.status} ${await response.text()}`);
  const info = (state.info = await response.json());
  mark("globe.json");
  // Every layer is fetched at once.
  const documents = info.layers.map((layer) =>
    fetch(base + layer.url).then((r) => {
      if (!r.ok) throw new Error(`${base}${layer.url}: ${r.status}`);
      return r.json();
    })
  );
  document.getElementById("title").textContent = `${info.run}, trial ${info.trial}`;
  setClock(viewer, info.clock);
  const primitives =
    params.get("primitives") === "1" ||
    (params.get("primitives") !== "0" && info.counts.satellites > PRIMITIVE_THRESHOLD);
  for (const [i, layer] of info.layers.entries()) {
    const czml = await documents[i];
    if (layer.name === "satellites" && primitives) {
      const cloud = satelliteCloud(czml);
      const sats = (state.satellites = { cloud, ...addSatellitePoints(viewer, cloud) });
      state.counts.satellites = sats.collection.length;
      layerToggle(layer.name, layer.title, layer.count, (on) => (sats.collection.show = on));
    } else {
      const ds = await Cesium.CzmlDataSource.load(czml);
      await viewer.dataSources.add(ds);
      state.dataSources[layer.name] = ds;
      state.counts[layer.name] = ds.entities.values.length;
      layerToggle(layer.name, layer.title, layer.count, (on) => (ds.show = on));
    }
    mark(layer.name);
  }
  setClock(viewer, info.clock);
  eventList(viewer, info.events);
  await whenTilesLoaded(viewer);
  mark("tiles");
  // From the start of navigation (Cesium's own script included) to ready.
  state.loadSeconds = performance.now() / 1000;
  const status = document.getElementById("status");
  status.textContent = "Play, pause and set the speed at the lower left; click an object for its story.";
  status.title = `Loaded in ${state.loadSeconds.toFixed(1)} s.`;
  state.ready = true;
}

// Helpers for tests and the console.
state.setTime = (iso) => {
  // Move the clock, let every layer update to it, and draw one frame.
  const viewer = state.viewer;
  viewer.clock.currentTime = Cesium.JulianDate.fromIso8601(iso);
  viewer.clock.tick();
  viewer.scene.render(viewer.clock.currentTime);
};
state.positionOf = (id) => {
  // An object's Earth-fixed position (meters) at the clock's time, or null where it is not shown.
  const time = state.viewer.clock.currentTime;
  if (state.satellites) {
    const point = state.satellites.points.find((p) => p.id.id === id);
    if (point) return [point.position.x, point.position.y, point.position.z];
  }
  for (const ds of Object.values(state.dataSources)) {
    const entity = ds.entities.getById(id);
    if (entity) {
      if (!entity.isAvailable(time) || !ds.show) return null;
      const p = entity.position.getValue(time);
      return p ? [p.x, p.y, p.z] : null;
    }
  }
  return null;
};

main().catch((error) => {
  state.error = String(error && error.stack ? error.stack : error);
  document.getElementById("status").textContent = `The globe could not load: ${error}`;
  console.error(error);
});
