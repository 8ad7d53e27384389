// Preload (sandboxed, CommonJS bundle): exposes the narrow bridge as window.missionControl.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('missionControl', createBridge(ipcRenderer));
