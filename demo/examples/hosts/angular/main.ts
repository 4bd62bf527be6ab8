/**
 * Starts the Angular host. `@angular/compiler` compiles the component in the
 * browser (JIT), so Vite needs no Angular plugin; an Angular CLI app has its
 * own main.ts and compiles ahead of time, with the same component.
 */
import '@angular/compiler';
import {provideZonelessChangeDetection} from '@angular/core';
import {bootstrapApplication} from '@angular/platform-browser';
import {AppComponent} from './app.component';

bootstrapApplication(AppComponent, {providers: [provideZonelessChangeDetection()]}).catch((error: unknown) => console.error(error));
